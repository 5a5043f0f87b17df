import { defineConfig } from 'vite';

// Built into the portal's classpath, so the app serves it at / (the API stays under /api/v1).
export default defineConfig({
  base: '/',
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  esbuild: { jsx: 'automatic' },
  server: { proxy: { '/api': 'http://localhost:8081', '/app-config.json': 'http://localhost:8081' } },
});
