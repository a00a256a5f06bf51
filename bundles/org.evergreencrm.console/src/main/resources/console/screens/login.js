import { ref } from 'vue';
import { useRouter, useRoute } from 'vue-router';
import { post, ApiError } from '../api.js';
import { session } from '../store.js';

export default {
  name: 'LoginScreen',
  setup() {
    const router = useRouter();
    const route = useRoute();
    const username = ref('');
    const password = ref('');
    const busy = ref(false);
    const error = ref('');
    const fields = ref({});
    async function submit() {
      busy.value = true;
      error.value = '';
      fields.value = {};
      try {
        const info = await post('/session', { username: username.value, password: password.value }, { signIn: true });
        session.user = info.user;
        session.csrf = info.csrfToken;
        router.replace(route.query.next || '/queue');
      } catch (e) {
        error.value = e instanceof ApiError ? e.message : String(e);
        fields.value = e.fields || {};
      } finally {
        busy.value = false;
        password.value = '';
      }
    }
    return { username, password, busy, error, fields, submit };
  },
  template: `
  <main class="login">
    <form class="card" @submit.prevent="submit" aria-labelledby="login-title" novalidate>
      <h1 id="login-title">Evergreen CRM</h1>
      <p class="muted">Sign in to your workspace</p>
      <label for="login-user">Username</label>
      <input id="login-user" name="username" v-model="username" autocomplete="username" autofocus required
             :aria-invalid="!!fields.username" aria-describedby="login-user-error">
      <p id="login-user-error" class="field-error" v-if="fields.username">{{ fields.username }}</p>
      <label for="login-password">Password</label>
      <input id="login-password" name="password" type="password" v-model="password" autocomplete="current-password" required
             :aria-invalid="!!fields.password" aria-describedby="login-password-error">
      <p id="login-password-error" class="field-error" v-if="fields.password">{{ fields.password }}</p>
      <p class="error" role="alert" v-if="error && !fields.username && !fields.password">{{ error }}</p>
      <button type="submit" class="primary" :disabled="busy">{{ busy ? 'Signing in…' : 'Sign in' }}</button>
    </form>
  </main>`,
};
