import { ref, onMounted } from 'vue';
import { get, put, del } from '../../api.js';

export default {
  name: 'AdminPlugins',
  setup() {
    const plugins = ref([]);
    const busy = ref('');
    const error = ref('');
    const message = ref('');
    async function load() {
      try { plugins.value = await get('/plugins'); } catch (e) { error.value = e.message; }
    }
    async function change(p, install) {
      busy.value = p.name;
      error.value = '';
      message.value = (install ? 'Installing ' : 'Removing ') + p.name + '…';
      try {
        const after = install ? await put('/plugins/' + encodeURIComponent(p.name)) : await del('/plugins/' + encodeURIComponent(p.name));
        message.value = p.name + (after.installed ? ' is installed.' : ' is removed.');
        await load();
      } catch (e) {
        message.value = '';
        error.value = e.message;
      } finally {
        busy.value = '';
      }
    }
    onMounted(load);
    return { plugins, busy, error, message, change };
  },
  template: `
  <section class="card" aria-labelledby="pl-title"><h2 id="pl-title">Plugins</h2>
    <p class="muted small">Evergreen features installed and removed live through Karaf; nothing else restarts.</p>
    <p class="error" role="alert" v-if="error">{{ error }}</p><p class="ok" role="status" v-if="message">{{ message }}</p>
    <table class="list" data-test="plugins"><thead><tr><th scope="col">Plugin</th><th scope="col">Version</th><th scope="col">What it adds</th><th scope="col">State</th><th scope="col"></th></tr></thead>
      <tbody><tr v-for="p in plugins" :key="p.name" :data-plugin="p.name"><td>{{ p.name }}</td><td>{{ p.version }}</td><td>{{ p.description }}</td>
        <td><span :class="p.installed ? 'badge ok' : 'badge'">{{ p.installed ? 'installed' : 'not installed' }}</span></td>
        <td><button v-if="!p.installed" class="primary" @click="change(p, true)" :disabled="!!busy">{{ busy === p.name ? 'Installing…' : 'Install' }}</button>
            <button v-else @click="change(p, false)" :disabled="!!busy">{{ busy === p.name ? 'Removing…' : 'Remove' }}</button></td></tr></tbody></table>
    <p v-if="!plugins.length" class="muted">No plugin is known to this container.</p>
  </section>`,
};
