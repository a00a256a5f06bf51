// A model version's held-out figures drawn: the calibration (reliability) curve against the diagonal, and the lift
// per decile with the cumulative gains — from GET /scoring/models/{id}, for the learner kept.
import { computed } from 'vue';
import ChartBox from './chart.js';

const pct = (x) => Math.round(x * 1000) / 10;

export default {
  name: 'ModelCharts',
  components: { ChartBox },
  props: { metrics: { type: Object, required: true } },
  setup(props) {
    const calibration = computed(() => {
      const bins = props.metrics.reliability.filter((b) => b.rows > 0);
      return {
        datasets: [
          { type: 'line', label: 'Observed sale rate', data: bins.map((b) => ({ x: pct(b.meanPredicted), y: pct(b.observedRate) })), borderColor: '#1b6e3c', backgroundColor: '#1b6e3c', pointRadius: 4 },
          { type: 'line', label: 'Perfect calibration', data: [{ x: 0, y: 0 }, { x: 100, y: 100 }], borderColor: '#999', borderDash: [4, 4], pointRadius: 0 },
        ],
      };
    });
    const calibrationOptions = { parsing: true, scales: { x: { type: 'linear', min: 0, max: 100, title: { display: true, text: 'Predicted chance of a sale (%)' } },
      y: { min: 0, max: 100, title: { display: true, text: 'Observed (%)' } } } };
    const lift = computed(() => ({
      labels: props.metrics.deciles.map((d) => 'D' + d.decile),
      datasets: [
        { type: 'bar', label: 'Lift (× base rate)', data: props.metrics.deciles.map((d) => Math.round(d.lift * 100) / 100), backgroundColor: '#4f8f63', yAxisID: 'y' },
        { type: 'line', label: 'Cumulative gain (% of sales)', data: props.metrics.deciles.map((d) => pct(d.cumulativeGain)), borderColor: '#b35c00', backgroundColor: '#b35c00', yAxisID: 'gain' },
      ],
    }));
    const liftOptions = { scales: { y: { title: { display: true, text: 'Lift' }, beginAtZero: true },
      gain: { position: 'right', min: 0, max: 100, title: { display: true, text: 'Cumulative gain (%)' }, grid: { drawOnChartArea: false } } } };
    return { calibration, calibrationOptions, lift, liftOptions, pct };
  },
  template: `
  <div class="dash-grid">
    <section class="card" aria-labelledby="calibration-title"><h3 id="calibration-title">Calibration</h3>
      <chart-box type="line" :data="calibration" :options="calibrationOptions" label="Reliability curve: observed sale rate against the predicted chance, per probability band, with the diagonal of perfect calibration"></chart-box>
      <table class="list small" data-test="reliability"><thead><tr><th scope="col">Predicted</th><th scope="col">Leads</th><th scope="col">Mean predicted</th><th scope="col">Observed</th></tr></thead>
        <tbody><tr v-for="b in metrics.reliability.filter(x => x.rows > 0)" :key="b.from"><td>{{ pct(b.from) }}–{{ pct(b.to) }}%</td><td>{{ b.rows }}</td><td>{{ pct(b.meanPredicted) }}%</td><td>{{ pct(b.observedRate) }}%</td></tr></tbody></table></section>
    <section class="card" aria-labelledby="lift-title"><h3 id="lift-title">Lift by decile</h3>
      <chart-box type="bar" :data="lift" :options="liftOptions" label="Lift of each score decile over the base rate, and the cumulative share of sales found, highest scores first"></chart-box>
      <table class="list small" data-test="deciles"><thead><tr><th scope="col">Decile</th><th scope="col">Leads</th><th scope="col">Sales</th><th scope="col">Rate</th><th scope="col">Lift</th><th scope="col">Cumulative gain</th></tr></thead>
        <tbody><tr v-for="d in metrics.deciles" :key="d.decile"><td>{{ d.decile }}</td><td>{{ d.rows }}</td><td>{{ d.positives }}</td><td>{{ pct(d.rate) }}%</td><td>{{ d.lift.toFixed(2) }}</td><td>{{ pct(d.cumulativeGain) }}%</td></tr></tbody></table></section>
  </div>`,
};
