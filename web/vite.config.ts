import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The staff web app. `npm start` builds it into web/dist (scripts/build-web.ts); Hale serves it at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  // `npx vite web` during development: the API is Hale's (npm start on port 3000).
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
});
