import { startSimulator } from '../../src/simulator';

describe('the simulator on a port in use', () => {
  it('rejects with EADDRINUSE instead of crashing the process', async () => {
    const first = await startSimulator();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startSimulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});
