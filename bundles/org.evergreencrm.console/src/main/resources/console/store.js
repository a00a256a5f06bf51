// The console's shared state: one reactive object (a Vue store without Pinia, which is not served as a WebJar).
import { reactive } from 'vue';

export const session = reactive({
  user: null,        // {id, username, displayName, role, teamId}
  csrf: null,
  checked: false,    // the first GET /session has answered
});

export const live = reactive({
  status: 'offline', // offline | connecting | live
  notifications: [], // {id, text, contactId, at, read}
  presence: {},      // contactId -> [{username, displayName}]
  listeners: new Set(),
});

export function isManager() {
  return session.user && (session.user.role === 'MANAGER' || session.user.role === 'ADMIN');
}

export function isAdmin() {
  return session.user && session.user.role === 'ADMIN';
}
