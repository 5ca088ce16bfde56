export { startInstance, startServer, type TestServer } from '@/scripts/lib/next-server';
