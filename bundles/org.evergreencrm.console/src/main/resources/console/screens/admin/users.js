import { ref, onMounted } from 'vue';
import { get, post } from '../../api.js';
import { label } from '../../util.js';
import { isAdmin } from '../../store.js';

export default {
  name: 'AdminUsers',
  setup() {
    const users = ref([]);
    const teams = ref([]);
    const draft = ref({ username: '', displayName: '', email: '', role: 'REP', teamId: '', password: '' });
    const team = ref('');
    const errors = ref({});
    const message = ref('');
    async function load() {
      [users.value, teams.value] = await Promise.all([get('/users'), get('/teams').catch(() => [])]);
    }
    async function create() {
      errors.value = {};
      message.value = '';
      try {
        const u = await post('/users', { ...draft.value, teamId: draft.value.teamId || null, email: draft.value.email || null, active: true });
        message.value = 'Created ' + u.username + '.';
        draft.value = { username: '', displayName: '', email: '', role: 'REP', teamId: '', password: '' };
        await load();
      } catch (e) {
        errors.value = Object.keys(e.fields).length ? e.fields : { form: e.message };
      }
    }
    async function createTeam() {
      errors.value = {};
      try {
        await post('/teams', { name: team.value });
        team.value = '';
        await load();
      } catch (e) {
        errors.value = { team: e.fields?.name || e.message };
      }
    }
    const teamName = (id) => teams.value.find((t) => t.id === id)?.name || '—';
    onMounted(load);
    return { users, teams, draft, team, errors, message, create, createTeam, teamName, label, isAdmin };
  },
  template: `
  <div class="admin-grid">
    <section class="card"><h2>Users</h2>
      <table class="list"><thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Team</th><th scope="col">Active</th></tr></thead>
        <tbody><tr v-for="u in users" :key="u.id"><td>{{ u.username }}</td><td>{{ u.displayName }}</td><td>{{ label(u.role) }}</td><td>{{ teamName(u.teamId) }}</td><td>{{ u.active ? 'yes' : 'no' }}</td></tr></tbody></table></section>
    <form class="card" v-if="isAdmin()" @submit.prevent="create" aria-labelledby="nu-title" novalidate><h2 id="nu-title">New user</h2>
      <p class="error" role="alert" v-if="errors.form">{{ errors.form }}</p><p class="ok" role="status" v-if="message">{{ message }}</p>
      <label for="nu-username">Username</label><input id="nu-username" v-model="draft.username" :aria-invalid="!!errors.username"><p class="field-error" v-if="errors.username">{{ errors.username }}</p>
      <label for="nu-name">Name</label><input id="nu-name" v-model="draft.displayName" :aria-invalid="!!errors.displayName"><p class="field-error" v-if="errors.displayName">{{ errors.displayName }}</p>
      <label for="nu-email">E-mail</label><input id="nu-email" v-model="draft.email" type="email"><p class="field-error" v-if="errors.email">{{ errors.email }}</p>
      <label for="nu-role">Role</label><select id="nu-role" v-model="draft.role"><option>REP</option><option>MANAGER</option><option>ADMIN</option></select>
      <label for="nu-team">Team</label><select id="nu-team" v-model="draft.teamId"><option value="">none</option><option v-for="t in teams" :key="t.id" :value="t.id">{{ t.name }}</option></select>
      <label for="nu-password">Password</label><input id="nu-password" type="password" v-model="draft.password" autocomplete="new-password" :aria-invalid="!!errors.password"><p class="field-error" v-if="errors.password">{{ errors.password }}</p>
      <button type="submit" class="primary">Create user</button></form>
    <form class="card" v-if="isAdmin()" @submit.prevent="createTeam" aria-labelledby="nt-title"><h2 id="nt-title">Teams</h2>
      <ul class="plain"><li v-for="t in teams" :key="t.id">{{ t.name }}</li></ul>
      <label for="nt-name">New team</label><input id="nt-name" v-model="team"><p class="field-error" v-if="errors.team">{{ errors.team }}</p>
      <button type="submit" :disabled="!team.trim()">Create team</button></form>
  </div>`,
};
