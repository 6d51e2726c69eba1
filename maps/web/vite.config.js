import { defineConfig } from 'vite';

// Built by maps/Platform.Maps (WebMap.targets) into dist/, embedded in the assembly and served at /.
// `npm run dev` proxies the API to a host on :5000.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false,
    // Two pages: the map, and the plugins and reports page.
    rollupOptions: { input: { main: 'index.html', admin: 'admin.html' } },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/ogc', '/tiles', '/health'].map(p => [p, 'http://127.0.0.1:5000'])),
  },
});
