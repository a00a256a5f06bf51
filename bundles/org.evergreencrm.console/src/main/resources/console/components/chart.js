// A Chart.js chart that redraws when its data changes.
import { ref, onMounted, onBeforeUnmount, watch, markRaw } from 'vue';
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

export default {
  name: 'ChartBox',
  props: { type: { type: String, required: true }, data: { type: Object, required: true }, options: { type: Object, default: () => ({}) }, label: { type: String, required: true } },
  setup(props) {
    const canvas = ref(null);
    let chart = null;
    function draw() {
      if (chart) chart.destroy();
      chart = markRaw(new Chart(canvas.value, { type: props.type, data: props.data,
        options: { responsive: true, maintainAspectRatio: false, animation: false, ...props.options } }));
    }
    onMounted(draw);
    watch(() => props.data, draw, { deep: true });
    onBeforeUnmount(() => chart && chart.destroy());
    return { canvas };
  },
  template: `<div class="chart"><canvas ref="canvas" role="img" :aria-label="label"></canvas></div>`,
};
