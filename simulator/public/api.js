// Thin client for the simulator's scriptable API (same origin).
const BASE = '/simulator/api';

export async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${BASE}${path}`, init);
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
  return json;
}

export const mediaUrl = (id) => `${BASE}/media/${encodeURIComponent(id)}`;

export function subscribe(onEvent) {
  const source = new EventSource(`${BASE}/events`);
  for (const type of ['persona', 'message', 'typing', 'reset', 'hello']) {
    source.addEventListener(type, (e) => onEvent(type, JSON.parse(e.data)));
  }
  return source;
}

/** Reads a File as base64 (without the data: prefix). */
export function fileToBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
