// Leads: search, filter, sort, page (keyset), save filters; managers assign in bulk; admins replay dead letters.
import { ref, reactive, onMounted, onBeforeUnmount, computed } from 'vue';
import { get, post, put, query } from '../api.js';
import { ago, when, label } from '../util.js';
import { session, isManager, isAdmin } from '../store.js';
import { onLive } from '../live.js';
import LeadScore from '../components/lead-score.js';

const EMPTY = { q: '', source: '', status: '', assignedTo: '', tag: '', receivedFrom: '', receivedTo: '', sort: 'newest' };

export default {
  name: 'LeadsScreen',
  components: { LeadScore },
  setup() {
    const filter = reactive({ ...EMPTY });
    const rows = ref([]);
    const next = ref(null);
    const loading = ref(false);
    const error = ref('');
    const fields = ref({});
    const users = ref([]);
    const sources = ref([]);
    const selected = ref(new Set());
    const assignTo = ref('');
    const bulk = ref('');
    const fresh = ref(0);
    const savedKey = computed(() => 'evergreen.leadFilters.' + (session.user?.username || ''));
    const saved = ref([]);
    const saveName = ref('');
    const deadLetters = ref([]);

    function params(cursor) {
      const f = { ...filter };
      for (const k of ['receivedFrom', 'receivedTo']) if (f[k]) f[k] = new Date(f[k]).toISOString();
      return query({ ...f, cursor, limit: 50 });
    }

    async function load(more = false) {
      loading.value = true;
      error.value = '';
      fields.value = {};
      try {
        const page = await get('/leads/search' + params(more ? next.value : null));
        rows.value = more ? rows.value.concat(page.items) : page.items;
        next.value = page.nextCursor;
        if (!more) { selected.value = new Set(); fresh.value = 0; }
      } catch (e) {
        error.value = e.message;
        fields.value = e.fields || {};
      } finally {
        loading.value = false;
      }
    }

    function reset() { Object.assign(filter, EMPTY); load(); }

    function saveFilter() {
      if (!saveName.value.trim()) return;
      saved.value = saved.value.filter((s) => s.name !== saveName.value.trim()).concat([{ name: saveName.value.trim(), filter: { ...filter } }]);
      localStorage.setItem(savedKey.value, JSON.stringify(saved.value));
      saveName.value = '';
    }

    function useFilter(s) { Object.assign(filter, EMPTY, s.filter); load(); }

    function removeFilter(s) {
      saved.value = saved.value.filter((x) => x !== s);
      localStorage.setItem(savedKey.value, JSON.stringify(saved.value));
    }

    function toggle(id) {
      const s = new Set(selected.value);
      if (s.has(id)) s.delete(id); else s.add(id);
      selected.value = s;
    }

    async function assign() {
      const rep = users.value.find((u) => String(u.id) === String(assignTo.value));
      if (!rep) return;
      const picked = rows.value.filter((r) => selected.value.has(r.lead.id));
      let done = 0;
      const failed = [];
      for (const r of picked) {
        bulk.value = 'Assigning ' + (done + 1) + ' of ' + picked.length + '…';
        try {
          const current = await get('/contacts/' + r.lead.contactId, { withEtag: true });
          const c = current.data;
          await put('/contacts/' + c.id, { kind: c.kind, firstName: c.firstName, lastName: c.lastName, householdName: c.householdName,
            phones: c.phones, emails: c.emails, address: c.address, source: c.source, ownerId: rep.id, status: c.status,
            tags: c.tags, customFields: c.customFields }, { ifMatch: current.etag });
          done++;
        } catch (e) {
          failed.push(r.contactName + ': ' + e.message);
        }
      }
      bulk.value = done + ' assigned to ' + rep.displayName + (failed.length ? '; not assigned: ' + failed.join('; ') : '');
      await load();
    }

    async function loadDeadLetters() {
      if (!isAdmin()) return;
      deadLetters.value = await get('/leads/dead-letters?open=true&limit=50').catch(() => []);
    }

    async function replay(d) {
      try {
        await post('/leads/dead-letters/' + d.id + '/replay');
        bulk.value = 'Dead letter ' + d.id + ' replayed.';
      } catch (e) {
        bulk.value = 'Replay of ' + d.id + ' failed: ' + e.message;
      }
      await Promise.all([loadDeadLetters(), load()]);
    }

    const stop = onLive((m) => {
      if (m.type === 'event' && m.topic === 'lead.CREATED') fresh.value++;
    });
    onMounted(async () => {
      try { saved.value = JSON.parse(localStorage.getItem(savedKey.value) || '[]'); } catch (e) { saved.value = []; }
      load();
      users.value = await get('/users').catch(() => []);
      if (isManager()) sources.value = await get('/leads/sources').catch(() => []);
      loadDeadLetters();
    });
    onBeforeUnmount(stop);
    return { filter, rows, next, loading, error, fields, users, sources, selected, assignTo, bulk, fresh, saved, saveName, deadLetters,
      load, reset, saveFilter, useFilter, removeFilter, toggle, assign, replay, ago, when, label, isManager, isAdmin };
  },
  template: `
  <section aria-labelledby="leads-title">
    <header class="screen-head"><h1 id="leads-title">Leads</h1>
      <button v-if="fresh" @click="load()" class="badge ok" data-test="fresh-leads">{{ fresh }} new — show</button></header>
    <form class="card filters" @submit.prevent="load()" aria-label="Filter leads">
      <div><label for="lf-q">Search</label><input id="lf-q" v-model="filter.q" placeholder="name, phone, e-mail, street"></div>
      <div><label for="lf-source">Source</label><input id="lf-source" v-model="filter.source" list="lf-sources"><datalist id="lf-sources"><option v-for="s in sources" :key="s.source" :value="s.source"></option></datalist></div>
      <div><label for="lf-status">Status</label><select id="lf-status" v-model="filter.status"><option value="">any</option>
        <option v-for="s in ['NEW','WORKING','NURTURING','QUALIFIED','UNQUALIFIED','CUSTOMER']" :key="s" :value="s">{{ label(s) }}</option></select></div>
      <div><label for="lf-owner">Assigned to</label><select id="lf-owner" v-model="filter.assignedTo"><option value="">anyone</option>
        <option v-for="u in users" :key="u.id" :value="u.id">{{ u.displayName }}</option></select></div>
      <div><label for="lf-tag">Tag</label><input id="lf-tag" v-model="filter.tag"></div>
      <div><label for="lf-from">Received from</label><input id="lf-from" type="date" v-model="filter.receivedFrom"></div>
      <div><label for="lf-to">until</label><input id="lf-to" type="date" v-model="filter.receivedTo"></div>
      <div><label for="lf-sort">Sort</label><select id="lf-sort" v-model="filter.sort"><option value="newest">newest first</option><option value="oldest">oldest first</option><option value="score">best score</option></select></div>
      <div class="actions"><button type="submit" class="primary">Apply</button><button type="button" @click="reset">Clear</button></div>
      <div class="saved"><label for="lf-save">Save this filter as</label><input id="lf-save" v-model="saveName"><button type="button" @click="saveFilter" :disabled="!saveName.trim()">Save</button>
        <span v-for="s in saved" :key="s.name" class="chip"><button type="button" @click="useFilter(s)">{{ s.name }}</button><button type="button" aria-label="Remove saved filter" @click="removeFilter(s)">×</button></span></div>
    </form>
    <p class="field-error" v-for="(v, k) in fields" :key="k" role="alert">{{ k }}: {{ v }}</p>
    <p class="error" role="alert" v-if="error && !Object.keys(fields).length">{{ error }}</p>
    <div class="card" v-if="isManager()">
      <label for="bulk-rep">Assign the {{ selected.size }} selected to</label>
      <select id="bulk-rep" v-model="assignTo"><option value="">choose a rep</option><option v-for="u in users" :key="u.id" :value="u.id">{{ u.displayName }}</option></select>
      <button @click="assign" :disabled="!selected.size || !assignTo">Assign</button>
      <span role="status" class="muted">{{ bulk }}</span>
    </div>
    <div class="table-wrap">
    <table class="list">
      <caption class="sr-only">Leads</caption>
      <thead><tr><th v-if="isManager()" scope="col"><span class="sr-only">Select</span></th><th scope="col">Contact</th><th scope="col">Source</th><th scope="col">Status</th>
        <th scope="col">Assigned to</th><th scope="col">Why this rep</th><th scope="col">Received</th><th scope="col">Score</th></tr></thead>
      <tbody>
        <tr v-for="r in rows" :key="r.lead.id">
          <td v-if="isManager()"><input type="checkbox" :aria-label="'Select ' + r.contactName" :checked="selected.has(r.lead.id)" @change="toggle(r.lead.id)"></td>
          <td><router-link :to="'/contacts/' + r.lead.contactId">{{ r.contactName }}</router-link></td>
          <td>{{ r.lead.source }}</td><td>{{ label(r.status) }}</td><td>{{ r.assignedToUsername || '—' }}</td>
          <td class="reason">{{ r.lead.assignmentReason }}</td>
          <td><time :datetime="r.lead.receivedAt" :title="when(r.lead.receivedAt)">{{ ago(r.lead.receivedAt) }}</time></td>
          <td><lead-score :lead="r.lead"></lead-score></td>
        </tr>
      </tbody>
    </table>
    </div>
    <p v-if="loading" role="status" class="muted">Loading…</p>
    <p v-if="!loading && !rows.length" class="muted">No leads match.</p>
    <button v-if="next && !loading" @click="load(true)">More leads</button>
    <section v-if="isAdmin()" class="card" aria-labelledby="dl-title">
      <h2 id="dl-title">Dead letters</h2>
      <p v-if="!deadLetters.length" class="muted">No open dead letters: every lead was stored.</p>
      <table class="list" v-else><thead><tr><th scope="col">#</th><th scope="col">Source</th><th scope="col">Error</th><th scope="col">When</th><th scope="col"></th></tr></thead>
        <tbody><tr v-for="d in deadLetters" :key="d.id"><td>{{ d.id }}</td><td>{{ d.source }}</td><td>{{ d.error || d.reason }}</td><td>{{ ago(d.failedAt || d.createdAt) }}</td>
          <td><button @click="replay(d)">Replay</button></td></tr></tbody></table>
    </section>
  </section>`,
};
