import { ref, onMounted } from 'vue';
import { get, put } from '../../api.js';
import { when, localInputToIso } from '../../util.js';

export default {
  name: 'AdminRouting',
  setup() {
    const routing = ref(null);
    const edit = ref(null);
    const errors = ref({});
    const message = ref('');
    async function load() { routing.value = await get('/leads/routing'); }
    function start(rep) {
      edit.value = { username: rep.username, workingHours: rep.workingHours || '', leaveFrom: '', leaveUntil: '', leaveNote: rep.leaveNote || '' };
      errors.value = {};
    }
    async function save() {
      errors.value = {};
      try {
        const e = edit.value;
        await put('/leads/routing/reps/' + encodeURIComponent(e.username), { workingHours: e.workingHours || null,
          leaveFrom: localInputToIso(e.leaveFrom), leaveUntil: localInputToIso(e.leaveUntil), leaveNote: e.leaveNote || null });
        message.value = 'Saved ' + e.username + '.';
        edit.value = null;
        await load();
      } catch (e) {
        errors.value = Object.keys(e.fields).length ? e.fields : { form: e.message };
      }
    }
    onMounted(load);
    return { routing, edit, errors, message, start, save, when };
  },
  template: `
  <div class="admin-grid" v-if="routing">
    <section class="card"><h2>Assignment chain</h2>
      <p class="muted small">Each new lead goes through these links in order; the first that decides names the rep and says why. Territories, branch radii and caps are set in etc/org.evergreencrm.leads.routing.cfg.</p>
      <ol><li v-for="l in routing.chain" :key="l.name"><strong>{{ l.name }}</strong> <span v-if="!l.installed" class="badge bad">not installed</span> — {{ l.rule }}</li></ol></section>
    <section class="card"><h2>Reps: availability and working hours</h2><p class="ok" role="status" v-if="message">{{ message }}</p>
      <table class="list"><thead><tr><th scope="col">Rep</th><th scope="col">Now</th><th scope="col">Working hours</th><th scope="col">Leave</th><th scope="col"></th></tr></thead>
        <tbody><tr v-for="r in routing.reps" :key="r.userId"><td>{{ r.username }}</td><td><span :class="r.availableNow ? 'badge ok' : 'badge bad'">{{ r.availableNow ? 'available' : 'away' }}</span> <small>{{ r.why }}</small></td>
          <td>{{ r.workingHours || 'always' }}</td><td>{{ r.leaveFrom ? when(r.leaveFrom) + ' – ' + when(r.leaveUntil) : '' }}</td><td><button @click="start(r)">Change</button></td></tr></tbody></table>
      <form v-if="edit" @submit.prevent="save" class="inline-form" :aria-label="'Availability of ' + edit.username">
        <p class="error" role="alert" v-if="errors.form">{{ errors.form }}</p>
        <label for="ra-hours">Working hours of {{ edit.username }}</label><input id="ra-hours" v-model="edit.workingHours" placeholder="MON-FRI 08:00-17:00 America/New_York"><p class="field-error" v-if="errors.workingHours">{{ errors.workingHours }}</p>
        <label for="ra-from">Leave from</label><input id="ra-from" type="datetime-local" v-model="edit.leaveFrom"><p class="field-error" v-if="errors.leaveFrom">{{ errors.leaveFrom }}</p>
        <label for="ra-until">Leave until</label><input id="ra-until" type="datetime-local" v-model="edit.leaveUntil"><p class="field-error" v-if="errors.leaveUntil">{{ errors.leaveUntil }}</p>
        <label for="ra-note">Note</label><input id="ra-note" v-model="edit.leaveNote">
        <button type="submit" class="primary">Save</button><button type="button" @click="edit = null">Cancel</button></form></section>
  </div>
  <p v-else class="muted" role="status">Loading…</p>`,
};
