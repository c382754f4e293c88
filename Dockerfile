# The Behalf image: the runnable jar on a Java 17 JRE. Built by the Maven build (module
# testcontainers/, container/build-image.sh) or by hand after `mvn -q -DskipTests package`:
#   docker build -t behalf .                                                  # on Eclipse Temurin 17
#   podman build --format docker -t behalf --build-arg BASE=localhost/debian-jre17:bookworm .
# The base is an argument because no registry may be reachable where it is built; any image with
# a Java 17+ `java` on PATH and bash will do (container/debian-jre-base.sh makes one from Debian's
# packages). README "Run it in a container" documents the variables and mounts.
ARG BASE=eclipse-temurin:17-jre
FROM ${BASE}

# A fixed non-root uid, so a bind-mounted /data can be given to it: chown 10001 DIR.
RUN echo 'behalf:x:10001:10001:Behalf:/data:/usr/sbin/nologin' >> /etc/passwd \
 && echo 'behalf:x:10001:' >> /etc/group \
 && mkdir -p /opt/behalf /config /data \
 && chown 10001:10001 /data

COPY config/ /config/
COPY smtp-gateway/target/behalf.jar /opt/behalf/behalf.jar

# Class-data sharing: one start of Behalf here, up to /api/health answering, records the classes it
# loads in an archive the JVM maps at every later start instead of loading them from the jar again
# (docs/benchmarks.md: container start-up). It must be made by this image's own JVM, so it is made here.
RUN ["bash", "-c", "java -XX:ArchiveClassesAtExit=/opt/behalf/behalf.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar /opt/behalf/behalf.jar serve --config /config --smtp-port 0 --imap-port 0 --pop3-port 0 --http-port 18025 >/tmp/cds.log 2>&1 & pid=$!; for i in $(seq 1200); do (exec 3<>/dev/tcp/127.0.0.1/18025 && printf 'GET /api/health HTTP/1.0\r\n\r\n' >&3 && head -c 12 <&3 | grep -q ' 200') 2>/dev/null && break; sleep 0.1; done; kill $pid && wait $pid; test -s /opt/behalf/behalf.jsa || { cat /tmp/cds.log; exit 1; }; rm -f /tmp/cds.log"]

# Inside its own network namespace Behalf must bind 0.0.0.0 to be reachable through published
# ports, and beyond loopback it requires an admin token: one is made at start and logged unless
# BEHALF_ADMIN_TOKEN is given. Plain AUTH is allowed, because what reaches these ports is decided
# by `-p`, and the documented `-p 127.0.0.1:...` keeps them on the host's loopback, where the jar
# allows it too; set BEHALF_ALLOW_PLAIN_AUTH=false when publishing beyond it (README).
ENV BEHALF_BIND=0.0.0.0 \
    BEHALF_CONFIG=/config \
    BEHALF_GENERATE_ADMIN_TOKEN=true \
    BEHALF_ALLOW_PLAIN_AUTH=true

USER 10001:10001
WORKDIR /data
# SMTP submission, IMAP, POP3, HTTP; 465 only when BEHALF_SMTPS_PORT=465 turns SMTPS on.
EXPOSE 2525 2143 2110 8025 465

# bash's /dev/tcp: the JRE images have bash but not always curl or wget.
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${BEHALF_HTTP_PORT:-8025} && printf 'GET /api/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -c 12 <&3 | grep -q ' 200'"]

ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/behalf/behalf.jsa", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/behalf/behalf.jar", "serve"]
