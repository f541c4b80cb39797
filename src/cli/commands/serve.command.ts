/** `salon serve`: the web app and the API. */
import type { Command } from 'commander';
import { startServer } from '../../server/start';
import { dataDirOf, globalsOf } from '../runtime';

export const DEFAULT_PORT = 4321;

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('run the web app and the API')
    .option(
      '--port <port>',
      'port to listen on',
      (v) => Number.parseInt(v, 10),
      Number(process.env.PORT) || DEFAULT_PORT,
    )
    .option(
      '--host <host>',
      'address to listen on (0.0.0.0 to reach it from other machines)',
      process.env.HOST ?? '127.0.0.1',
    )
    .action(async (options: { port: number; host: string }, command: Command) => {
      const server = await startServer({
        port: options.port,
        host: options.host,
        dataDir: dataDirOf(globalsOf(command)),
        databaseUrl: process.env.DATABASE_URL,
      });
      console.log(`Salon is running at ${server.url}`);
      console.log(`Data: ${server.database}`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
};
