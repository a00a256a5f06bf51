// Dashboards: speed-to-lead against the SLA, leads per source per day, queue depth, outcomes per bucket, calls per rep,
// attempts distribution. Each chart's numbers are also in a table for screen readers.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { get } from '../api.js';
import { isManager } from '../store.js';
import { onLive } from '../live.js';
import { label } from '../util.js';
import ChartBox from '../components/chart.js';

const COLORS = ['#1b7f4b', '#2563eb', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#db2777', '#475569'];

export default {
  name: 'DashboardScreen',
  components: { ChartBox },
  setup() {
    const days = ref(14);
    const sla = ref(5);
    const speed = ref([]);
    const daily = ref([]);
    const stats = ref([]);
    const outcomes = ref([]);
    const users = ref([]);
    const error = ref('');
    const loading = ref(false);

    async function load() {
      loading.value = true;
      error.value = '';
      try {
        const [d, s, o, u] = await Promise.all([get('/leads/daily?days=' + days.value), get('/queue/stats'),
          get('/queue/outcomes?days=' + days.value), get('/users').catch(() => [])]);
        daily.value = d; stats.value = s; outcomes.value = o; users.value = u;
        speed.value = isManager() ? await get('/leads/speed-to-lead?days=' + days.value + '&slaMinutes=' + sla.value) : [];
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    const repName = (id) => users.value.find((u) => u.id === id)?.displayName || (id == null ? 'unassigned' : 'user ' + id);

    const dailyChart = computed(() => {
      const dayList = [...new Set(daily.value.map((x) => x.day))].sort();
      const sources = [...new Set(daily.value.map((x) => x.source))].sort();
      return { labels: dayList, datasets: sources.map((s, i) => ({ label: s, backgroundColor: COLORS[i % COLORS.length],
        data: dayList.map((d) => daily.value.filter((x) => x.day === d && x.source === s).reduce((a, x) => a + x.leads, 0)) })) };
    });
    const speedRows = computed(() => speed.value.map((s) => ({ who: repName(s.repId) + ' · ' + s.source, median: s.medianMinutes, p90: s.p90Minutes,
      within: s.leads ? Math.round(100 * s.withinSla / s.leads) : 0, leads: s.leads })));
    const speedChart = computed(() => ({ labels: speedRows.value.map((r) => r.who), datasets: [
      { label: 'median minutes to first call', backgroundColor: '#2563eb', data: speedRows.value.map((r) => r.median) },
      { label: 'SLA (' + sla.value + ' min)', type: 'line', borderColor: '#dc2626', pointRadius: 0, data: speedRows.value.map(() => sla.value) }] }));
    const depthChart = computed(() => ({ labels: stats.value.map((b) => b.name), datasets: [
      { label: 'due now', backgroundColor: '#1b7f4b', data: stats.value.map((b) => b.dueNow) },
      { label: 'queued later', backgroundColor: '#94a3b8', data: stats.value.map((b) => Math.max(0, b.queued - b.dueNow)) },
      { label: 'blocked by compliance', backgroundColor: '#dc2626', data: stats.value.map((b) => b.blocked) },
      { label: 'held by a rep', backgroundColor: '#d97706', data: stats.value.map((b) => b.claimed) }] }));
    function stacked(key) {
      const groups = [...new Set(outcomes.value.map((x) => x[key] || '(deleted)'))].sort();
      const kinds = [...new Set(outcomes.value.map((x) => x.outcome))].sort();
      return { labels: groups, datasets: kinds.map((k, i) => ({ label: label(k), backgroundColor: COLORS[i % COLORS.length],
        data: groups.map((g) => outcomes.value.filter((x) => (x[key] || '(deleted)') === g && x.outcome === k).reduce((a, x) => a + x.calls, 0)) })) };
    }
    const bucketChart = computed(() => stacked('bucket'));
    const repChart = computed(() => stacked('username'));
    const attemptsChart = computed(() => {
      const counts = {};
      for (const b of stats.value) for (const [n, c] of Object.entries(b.attempts || {})) counts[n] = (counts[n] || 0) + c;
      const keys = Object.keys(counts).map(Number).sort((a, b) => a - b);
      return { labels: keys.map((k) => k + ' attempts'), datasets: [{ label: 'contacts', backgroundColor: '#1b7f4b', data: keys.map((k) => counts[k]) }] };
    });
    const stackedOptions = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };

    let timer = null;
    const stop = onLive((m) => {
      if (m.type === 'event' && (m.topic === 'lead.CREATED' || m.topic === 'queue.OUTCOME')) {
        clearTimeout(timer);
        timer = setTimeout(load, 1000); // one reload for a burst of events
      }
    });
    onMounted(load);
    onBeforeUnmount(() => { stop(); clearTimeout(timer); });
    return { days, sla, error, loading, load, speedRows, dailyChart, speedChart, depthChart, bucketChart, repChart, attemptsChart,
      stackedOptions, isManager, stats, daily };
  },
  template: `
  <section aria-labelledby="dash-title">
    <header class="screen-head"><h1 id="dash-title">Dashboards</h1>
      <form class="inline" @submit.prevent="load"><label for="d-days">Days</label><input id="d-days" type="number" min="1" max="366" v-model.number="days">
        <template v-if="isManager()"><label for="d-sla">SLA minutes</label><input id="d-sla" type="number" min="1" max="1440" v-model.number="sla"></template>
        <button type="submit">Show</button></form></header>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <div class="dash-grid">
      <section class="card" v-if="isManager()" aria-labelledby="c-speed"><h2 id="c-speed">Speed to lead by rep and source</h2>
        <chart-box type="bar" :data="speedChart" label="Median minutes from receipt to first call, per rep and source, against the SLA"></chart-box>
        <table class="list small"><thead><tr><th scope="col">Rep · source</th><th scope="col">Leads</th><th scope="col">Median min</th><th scope="col">p90 min</th><th scope="col">Within SLA</th></tr></thead>
          <tbody><tr v-for="r in speedRows" :key="r.who"><td>{{ r.who }}</td><td>{{ r.leads }}</td><td>{{ r.median == null ? '—' : r.median.toFixed(1) }}</td><td>{{ r.p90 == null ? '—' : r.p90.toFixed(1) }}</td><td>{{ r.within }}%</td></tr></tbody></table></section>
      <section class="card" aria-labelledby="c-daily"><h2 id="c-daily">Leads per source per day</h2>
        <chart-box type="bar" :data="dailyChart" :options="stackedOptions" label="Leads received per day, stacked by source"></chart-box>
        <p class="muted small">{{ daily.reduce((a, x) => a + x.leads, 0) }} leads in {{ days }} days.</p></section>
      <section class="card" aria-labelledby="c-depth"><h2 id="c-depth">Queue depth per bucket</h2>
        <chart-box type="bar" :data="depthChart" :options="stackedOptions" label="Contacts per bucket: due now, later, blocked, held"></chart-box></section>
      <section class="card" aria-labelledby="c-bucket"><h2 id="c-bucket">Outcomes per bucket</h2>
        <chart-box type="bar" :data="bucketChart" :options="stackedOptions" label="Call outcomes per bucket"></chart-box></section>
      <section class="card" aria-labelledby="c-rep"><h2 id="c-rep">Calls per rep</h2>
        <chart-box type="bar" :data="repChart" :options="stackedOptions" label="Calls per rep by outcome"></chart-box></section>
      <section class="card" aria-labelledby="c-att"><h2 id="c-att">Attempts distribution</h2>
        <chart-box type="bar" :data="attemptsChart" label="Contacts by number of call attempts"></chart-box></section>
    </div>
  </section>`,
};
