// The live connection: domain events, notifications and presence over one WebSocket. After a drop it reconnects and
// resumes from the last event number it saw; when the server no longer has those events it says "gap" and every
// screen reloads its data, so nothing is missed silently.
import { live, session } from './store.js';
import { post } from './api.js';

let socket = null;
let epoch = null;
let seq = 0;
let viewing = null;
let retry = 0;
let timer = null;
let stopped = true;

export function onLive(fn) {
  live.listeners.add(fn);
  return () => live.listeners.delete(fn);
}

function emit(message) {
  for (const fn of live.listeners) {
    try { fn(message); } catch (e) { console.error(e); }
  }
}

export function viewContact(contactId) {
  viewing = contactId;
  send({ type: 'view', contactId });
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

export async function connect() {
  stopped = false;
  if (socket && socket.readyState <= WebSocket.OPEN) return;
  live.status = 'connecting';
  let ticket;
  try {
    ticket = (await post('/session/ticket')).ticket;
  } catch (e) {
    schedule();
    return;
  }
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live/socket?ticket=' + encodeURIComponent(ticket);
  socket = new WebSocket(url);
  socket.onmessage = (m) => receive(JSON.parse(m.data));
  socket.onclose = () => {
    socket = null;
    live.status = 'offline';
    if (!stopped) schedule();
  };
}

export function disconnect() {
  stopped = true;
  clearTimeout(timer);
  if (socket) socket.close();
  socket = null;
  live.status = 'offline';
}

function schedule() {
  if (stopped || !session.user) return;
  live.status = 'offline';
  const delay = Math.min(10000, 500 * 2 ** retry++);
  clearTimeout(timer);
  timer = setTimeout(connect, delay);
}

function receive(m) {
  switch (m.type) {
    case 'hello':
      retry = 0;
      live.status = 'live';
      if (epoch !== null) {
        send({ type: 'resume', epoch, seq });
      } else {
        epoch = m.epoch;
        seq = m.seq;
      }
      if (viewing !== null) send({ type: 'view', contactId: viewing });
      break;
    case 'gap':
      epoch = m.epoch;
      seq = m.seq;
      emit({ type: 'gap' });
      break;
    case 'resumed':
      break;
    case 'event':
      seq = Math.max(seq, m.seq);
      if (m.notification) {
        live.notifications.unshift({ id: m.seq, text: m.notification, contactId: (m.contactIds || [])[0], at: m.at, read: false, topic: m.topic });
        live.notifications.splice(50);
      }
      emit(m);
      break;
    case 'presence':
      live.presence[m.contactId] = m.viewers;
      break;
    default:
      break;
  }
}
