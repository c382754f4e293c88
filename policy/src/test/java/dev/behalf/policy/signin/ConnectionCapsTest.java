package dev.behalf.policy.signin;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnectionCapsTest {

    @Test
    void oneClientGetsItsShareAndTheRestStayForOthers() throws Exception {
        ConnectionCaps caps = new ConnectionCaps(5, 2);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        ConnectionCaps.Admitted a1 = assertInstanceOf(ConnectionCaps.Admitted.class, caps.admit(a));
        assertInstanceOf(ConnectionCaps.Admitted.class, caps.admit(a));
        assertEquals(new ConnectionCaps.Refused(true, 2), caps.admit(a));
        assertInstanceOf(ConnectionCaps.Admitted.class, caps.admit(b));
        assertInstanceOf(ConnectionCaps.Admitted.class, caps.admit(b));
        assertInstanceOf(ConnectionCaps.Admitted.class, caps.admit(InetAddress.getByName("192.0.2.3")));
        assertEquals(new ConnectionCaps.Refused(false, 5), caps.admit(InetAddress.getByName("192.0.2.4")));
        a1.close();
        a1.close();
        assertEquals(4, caps.open(), "a slot is given back once");
        assertInstanceOf(ConnectionCaps.Admitted.class, caps.admit(a));
    }

    @Test
    void capsArePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionCaps(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionCaps(1, 0));
    }
}
