// Admin: one tab per area, each in its own file under admin/.
import { ref } from 'vue';
import AdminUsers from './admin/users.js';
import AdminBuckets from './admin/buckets.js';
import AdminRouting from './admin/routing.js';
import AdminSources from './admin/sources.js';
import AdminDnc from './admin/dnc.js';
import AdminPlugins from './admin/plugins.js';
import AdminDuplicates from './admin/duplicates.js';
import AdminZips from './admin/zips.js';
import AdminEnrichment from './admin/enrichment.js';

const TABS = [['users', 'Users and teams'], ['buckets', 'Buckets'], ['routing', 'Routing'], ['sources', 'Lead sources'], ['dnc', 'Do-not-call lists'], ['zips', 'ZIP data'], ['enrichment', 'Enrichment'], ['duplicates', 'Duplicates'], ['plugins', 'Plugins']];

export default {
  name: 'AdminScreen',
  components: { AdminUsers, AdminBuckets, AdminRouting, AdminSources, AdminDnc, AdminDuplicates, AdminPlugins, AdminZips, AdminEnrichment },
  setup() {
    const tab = ref(new URLSearchParams(location.hash.split('?')[1] || '').get('tab') || 'users');
    function keys(event, i) {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const n = (i + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
        tab.value = TABS[n][0];
        setTimeout(() => document.getElementById('tab-' + TABS[n][0])?.focus(), 0);
      }
    }
    return { tab, TABS, keys };
  },
  template: `
  <section aria-labelledby="admin-title">
    <header class="screen-head"><h1 id="admin-title">Admin</h1></header>
    <div role="tablist" aria-label="Admin areas" class="tabs">
      <button v-for="(t, i) in TABS" :key="t[0]" role="tab" :id="'tab-' + t[0]" :aria-selected="tab === t[0]" :tabindex="tab === t[0] ? 0 : -1"
              :aria-controls="'panel-' + t[0]" @click="tab = t[0]" @keydown="keys($event, i)">{{ t[1] }}</button>
    </div>
    <div role="tabpanel" :id="'panel-' + tab" :aria-labelledby="'tab-' + tab">
      <admin-users v-if="tab === 'users'"></admin-users>
      <admin-buckets v-if="tab === 'buckets'"></admin-buckets>
      <admin-routing v-if="tab === 'routing'"></admin-routing>
      <admin-sources v-if="tab === 'sources'"></admin-sources>
      <admin-dnc v-if="tab === 'dnc'"></admin-dnc>
      <admin-zips v-if="tab === 'zips'"></admin-zips>
      <admin-enrichment v-if="tab === 'enrichment'"></admin-enrichment>
      <admin-duplicates v-if="tab === 'duplicates'"></admin-duplicates>
      <admin-plugins v-if="tab === 'plugins'"></admin-plugins>
    </div>
  </section>`,
};
