import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// Workspace packages (the generated API client) resolve to their TypeScript sources, as in the tests.
export default defineConfig({
  plugins: [sveltekit()],
  resolve: { conditions: ['@chorus/source', ...defaultClientConditions] },
  // The build renders the fallback page in Node: bundle SvelteKit's server dependencies, because the
  // repository root hoists a newer, incompatible `cookie` (2.x, from fastify) where Node would find it.
  ssr: { noExternal: true, resolve: { conditions: ['@chorus/source', ...defaultServerConditions] } },
  server: { proxy: { '/api': process.env.CHORUS_URL ?? 'http://127.0.0.1:3000' } },
});
