// Possible duplicates of a contact: side by side, merge (the shown contact survives) and undo.
import { ref, onMounted, watch } from 'vue';
import { get, post } from '../api.js';
import { contactName, when } from '../util.js';
import { isManager } from '../store.js';

export default {
  name: 'ContactDuplicates',
  props: { contactId: { type: Number, required: true } },
  emits: ['merged'],
  setup(props, { emit }) {
    const pairs = ref([]);
    const others = ref({});
    const merges = ref([]);
    const error = ref('');
    const busy = ref(false);
    const me = ref(null);

    async function load() {
      error.value = '';
      if (!isManager()) return; // duplicate review is for managers and admins
      try {
        const [candidates, history, self] = await Promise.all([
          get('/duplicates/candidates?limit=500'), get('/duplicates/merges?limit=100'), get('/contacts/' + props.contactId)]);
        me.value = self;
        pairs.value = candidates.filter((p) => p.contactA === props.contactId || p.contactB === props.contactId);
        merges.value = history.filter((m) => (m.survivorId === props.contactId || m.loserId === props.contactId));
        const map = {};
        for (const p of pairs.value) {
          const other = p.contactA === props.contactId ? p.contactB : p.contactA;
          map[other] = await get('/contacts/' + other).catch(() => null);
        }
        others.value = map;
      } catch (e) {
        error.value = e.message;
      }
    }

    // a merge or an undo: the panel is busy meanwhile, reloads after, and shows the server's reason when refused
    async function change(request) {
      busy.value = true;
      error.value = '';
      try {
        await request();
        await load();
        emit('merged');
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    function merge(pair) {
      const other = pair.contactA === props.contactId ? pair.contactB : pair.contactA;
      return change(() => post('/duplicates/merges', { survivorId: props.contactId, loserId: other }));
    }

    function undo(m) {
      return change(() => post('/duplicates/merges/' + m.id + '/undo'));
    }

    const FIELDS = { givenName: 'given name', familyName: 'family name', dateOfBirth: 'date of birth', phone: 'phone',
      email: 'e-mail', address: 'address', location: 'postcode / city' };
    const fieldName = (f) => FIELDS[f] || f;

    // the field-by-field explanation the matcher stored (JSON): what agreed, what did not, what was missing
    function reasons(pair) {
      try {
        return JSON.parse(pair.explanation || '[]').filter((f) => f.level !== 'missing');
      } catch (e) {
        return [];
      }
    }

    function other(pair) {
      return others.value[pair.contactA === props.contactId ? pair.contactB : pair.contactA];
    }

    onMounted(load);
    watch(() => props.contactId, load);
    return { pairs, merges, error, busy, me, merge, undo, other, reasons, fieldName, contactName, when, load, isManager };
  },
  template: `
  <section class="card" aria-labelledby="dup-title">
    <h2 id="dup-title">Duplicates</h2>
    <p v-if="!isManager()" class="muted">Possible duplicates are reviewed and merged by your manager.</p>
    <template v-else>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <p v-if="!pairs.length" class="muted">No possible duplicates waiting for review.</p>
    <div v-for="p in pairs" :key="p.id" class="dup-pair" :data-pair="p.id">
      <p><strong>{{ Math.round(p.probability * 100) }}% alike</strong></p>
      <ul class="plain why-alike" aria-label="Why they look alike">
        <li v-for="f in reasons(p)" :key="f.field"><span :class="f.weight > 0 ? 'badge ok' : (f.weight < 0 ? 'badge bad' : 'badge')">{{ f.level }}</span>
          {{ fieldName(f.field) }} <small class="muted">{{ f.weight > 0 ? '+' : '' }}{{ f.weight }}</small></li>
      </ul>
      <table class="side-by-side" v-if="me && other(p)">
        <thead><tr><th scope="col">Field</th><th scope="col">This contact (kept)</th><th scope="col">Other</th></tr></thead>
        <tbody>
          <tr><th scope="row">Name</th><td>{{ contactName(me) }}</td><td>{{ contactName(other(p)) }}</td></tr>
          <tr><th scope="row">Phones</th><td>{{ me.phones.map(x => x.number).join(', ') }}</td><td>{{ other(p).phones.map(x => x.number).join(', ') }}</td></tr>
          <tr><th scope="row">E-mails</th><td>{{ me.emails.map(x => x.address).join(', ') }}</td><td>{{ other(p).emails.map(x => x.address).join(', ') }}</td></tr>
          <tr><th scope="row">Address</th><td>{{ me.address ? [me.address.line1, me.address.city, me.address.postalCode].filter(Boolean).join(', ') : '' }}</td>
              <td>{{ other(p).address ? [other(p).address.line1, other(p).address.city, other(p).address.postalCode].filter(Boolean).join(', ') : '' }}</td></tr>
        </tbody>
      </table>
      <p v-else class="muted">The other contact is not yours to see.</p>
      <button class="primary" @click="merge(p)" :disabled="busy || !other(p)" data-test="merge">Merge into this contact</button>
    </div>
    <h3 v-if="merges.length">Merges</h3>
    <ul class="plain">
      <li v-for="m in merges" :key="m.id">#{{ m.loserId }} merged into #{{ m.survivorId }} by {{ m.mergedBy }}, {{ when(m.mergedAt) }}
        <span v-if="m.undoneAt" class="muted"> — undone by {{ m.undoneBy }}</span>
        <button v-else @click="undo(m)" :disabled="busy" data-test="undo">Undo</button></li>
    </ul>
    </template>
  </section>`,
};
