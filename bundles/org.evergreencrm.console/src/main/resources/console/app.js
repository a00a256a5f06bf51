// The console: the shell (navigation, live status, notifications), the routes, and the sign-in guard.
import { createApp, computed, ref } from 'vue';
import { createRouter, createWebHashHistory, useRouter } from 'vue-router';
import { get, del, whenSignedOut } from './api.js';
import { session, live, isManager, isAdmin } from './store.js';
import { connect, disconnect } from './live.js';
import { ago } from './util.js';
import LoginScreen from './screens/login.js';
import QueueScreen from './screens/queue.js';
import LeadsScreen from './screens/leads.js';
import ContactScreen from './screens/contact.js';
import TasksScreen from './screens/tasks.js';
import DashboardScreen from './screens/dashboard.js';
import AdminScreen from './screens/admin.js';
import ScoringScreen from './screens/scoring.js';

const routes = [
  { path: '/', redirect: '/queue' },
  { path: '/login', component: LoginScreen, meta: { public: true, title: 'Sign in' } },
  { path: '/queue', component: QueueScreen, meta: { title: 'My call queue' } },
  { path: '/leads', component: LeadsScreen, meta: { title: 'Leads' } },
  { path: '/contacts/:id(\\d+)', component: ContactScreen, meta: { title: 'Contact' } },
  { path: '/tasks', component: TasksScreen, meta: { title: 'My tasks' } },
  { path: '/dashboards', component: DashboardScreen, meta: { title: 'Dashboards' } },
  { path: '/scoring', component: ScoringScreen, meta: { title: 'Scoring', manager: true } },
  { path: '/admin', component: AdminScreen, meta: { title: 'Admin', admin: true } },
  { path: '/:rest(.*)', component: { template: '<section class="card"><h1>Not found</h1><p>There is no such page. <router-link to="/queue">Go to the call queue</router-link></p></section>' } },
];

const router = createRouter({ history: createWebHashHistory(), routes });

async function restore() {
  if (session.checked) return;
  try {
    const info = await get('/session', { signIn: true });
    session.user = info.user;
    session.csrf = info.csrfToken;
  } catch (e) {
    session.user = null;
  }
  session.checked = true;
}

router.beforeEach(async (to) => {
  await restore();
  if (!to.meta.public && !session.user) return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.meta.admin && !isAdmin()) return '/queue';
  if (to.meta.manager && !isManager()) return '/queue';
  if (to.path === '/login' && session.user) return '/queue';
  return true;
});
router.afterEach((to) => {
  document.title = (to.meta.title ? to.meta.title + ' · ' : '') + 'Evergreen CRM';
  if (session.user) connect();
  setTimeout(() => { // a screen reader hears where the user landed; keyboard focus starts at the screen's heading
    const heading = document.querySelector('main h1, main h2');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); }
  }, 0);
});

whenSignedOut(() => {
  disconnect();
  if (router.currentRoute.value.path !== '/login') router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } });
});

const Shell = {
  setup() {
    const r = useRouter();
    const open = ref(false);
    const unread = computed(() => live.notifications.filter((n) => !n.read).length);
    async function signOut() {
      disconnect();
      await del('/session').catch(() => {});
      session.user = null;
      session.csrf = null;
      r.push('/login');
    }
    function toggle() {
      open.value = !open.value;
      if (!open.value) live.notifications.forEach((n) => { n.read = true; });
    }
    function go(n) {
      n.read = true;
      open.value = false;
      if (n.contactId) r.push('/contacts/' + n.contactId);
    }
    return { session, live, unread, open, signOut, toggle, go, isManager, isAdmin, ago };
  },
  template: `
  <a class="skip" href="#main">Skip to content</a>
  <header class="top" v-if="session.user">
    <span class="brand">Evergreen</span>
    <nav aria-label="Main">
      <router-link to="/queue">Queue</router-link>
      <router-link to="/leads">Leads</router-link>
      <router-link to="/tasks">Tasks</router-link>
      <router-link to="/dashboards">Dashboards</router-link>
      <router-link to="/scoring" v-if="isManager()">Scoring</router-link>
      <router-link to="/admin" v-if="isAdmin()">Admin</router-link>
    </nav>
    <span class="live-status" :class="live.status" role="status" :title="'Live updates: ' + live.status">{{ live.status === 'live' ? '● live' : (live.status === 'connecting' ? '○ connecting' : '○ offline — reconnecting') }}</span>
    <div class="notif">
      <button @click="toggle" :aria-expanded="open" aria-controls="notif-panel" id="notif-button">Notifications <span class="count" v-if="unread" data-test="unread">{{ unread }}</span></button>
      <div id="notif-panel" class="notif-panel" v-show="open" role="region" aria-label="Notifications">
        <p v-if="!live.notifications.length" class="muted">Nothing new.</p>
        <ul class="plain"><li v-for="n in live.notifications" :key="n.id" :class="{ unread: !n.read }"><button class="link" @click="go(n)">{{ n.text }}</button> <small class="muted">{{ ago(new Date(n.at).toISOString()) }}</small></li></ul>
      </div>
    </div>
    <span class="me">{{ session.user.displayName }} <small>({{ session.user.role.toLowerCase() }})</small></span>
    <button @click="signOut" id="sign-out">Sign out</button>
  </header>
  <div class="toasts" aria-live="polite" role="log" aria-label="Live notifications">
    <p v-for="n in live.notifications.filter(x => !x.read).slice(0, 3)" :key="n.id" class="toast" data-test="toast">{{ n.text }}</p>
  </div>
  <main id="main" tabindex="-1"><router-view :key="$route.fullPath"></router-view></main>`,
};

createApp(Shell).use(router).mount('#app');
// time to interactive, for the first-load benchmark (docs/benchmarks.md): the first screen is rendered and usable
router.isReady().then(() => setTimeout(() => performance.mark('evergreen-interactive'), 0));
