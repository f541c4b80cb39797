import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'bench/**/*.test.ts',
      'e2e/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    globalSetup: ['./test/global-setup.ts'],
    // Generous: the CLI and browser tests start whole processes on a shared 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
