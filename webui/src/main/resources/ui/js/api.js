// The JSON API client: adds the admin token (asked for on a 401, kept in sessionStorage), and
// reads the live event stream with fetch so that it carries the token too (EventSource can't).

const TOKEN = 'behalf.adminToken';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API and returns the parsed body; throws ApiError with the server's message. */
export async function api(path, options = {}) {
  const res = await request(path, options);
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** fetch with the admin token; asks for the token and retries while the server answers 401. */
export async function request(path, { method = 'GET', json } = {}) {
  for (;;) {
    // The server refuses changes without it (or a JSON body): no other site's form can send it.
    const headers = method === 'GET' ? {} : { 'X-Behalf-Request': '1' };
    const token = sessionStorage.getItem(TOKEN);
    if (token) headers.Authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const res = await fetch(path, { method, headers, body });
    if (res.status !== 401) return res;
    await askForToken(Boolean(token));
  }
}

let asking = null;

function askForToken(refused) {
  asking ??= new Promise(resolve => {
    const dialog = document.getElementById('token-dialog');
    const input = dialog.querySelector('input');
    const hint = dialog.querySelector('.hint');
    if (refused) hint.textContent = 'That token was refused. Enter the token this Behalf was started with (--admin-token).';
    input.value = '';
    dialog.addEventListener('close', () => {
      sessionStorage.setItem(TOKEN, input.value.trim());
      asking = null;
      resolve();
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
  return asking;
}

/** Downloads an API resource (raw message, attachment) with the token, as a file. */
export async function download(path, filename) {
  const res = await request(path);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Follows /api/events (server-sent events) and calls onEvent(type, data) for each; reconnects with
 * back-off. onState receives 'connecting', 'live' or 'offline'.
 */
export function follow(onEvent, onState) {
  let delay = 500;
  const connect = async () => {
    onState('connecting');
    try {
      const res = await request('/api/events');
      if (!res.ok || !res.body) throw new ApiError(res.status, null);
      onState('live');
      delay = 500;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end), onEvent);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // The server went away or refused; retried below.
    }
    onState('offline');
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 10_000);
  };
  connect();
}

function dispatch(block, onEvent) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  onEvent(type, data.length ? JSON.parse(data.join('\n')) : {});
}
