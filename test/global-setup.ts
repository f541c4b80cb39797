/** Runs once before all tests. Database set-up lives beside the store tests (see src/store/testing.ts). */
export default function setup(): void {}
