import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { request } from 'undici';
import { answerEarly } from '../src/bot/early-answer';
import { silentLogger } from '../src/log';
import { createServer, type HelpdeskServer } from '../src/server';
import { cardActionActivity, messageActivity } from './support/activities';
import { type Connector, startConnector } from './support/connector';

/**
 * The transport's deadlines: a message turn that runs long gets its HTTP 200 before the channel's timeout and
 * still sends its replies; an answer given early by the turn (a card button's acknowledgement) is the one the
 * channel gets; and stopping waits for turns whose request was already answered.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let connector: Connector;
let server: HelpdeskServer;
let url: string;
let turn: (context: TurnContext) => Promise<void>;

beforeAll(async () => {
  connector = await startConnector();
});
afterAll(async () => {
  await connector.close();
});
beforeEach(async () => {
  server = createServer({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    runTurn: (context) => turn(context),
    readinessChecks: [],
    logger: silentLogger(),
    messageAnswerMs: 200,
  });
  const address = await server.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${address.port}`;
});
afterEach(async () => {
  await server.close(2000);
});

async function post(activity: object) {
  const started = Date.now();
  const response = await request(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    body: text === '' ? undefined : JSON.parse(text),
    ms: Date.now() - started,
  };
}

describe('the bot endpoint', () => {
  it('answers a slow message turn with 200 at its deadline, and the turn still sends its reply', async () => {
    turn = async (context) => {
      await sleep(800);
      await context.sendActivity('finally done');
    };
    const answer = await post(
      messageActivity('slow', { serviceUrl: connector.serviceUrl, conversationId: 'slow' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(700);
    const [reply] = await connector.waitFor(1, 'slow');
    expect(reply?.body.text).toBe('finally done');
  });

  it('answers a fast message turn when it ends, as before', async () => {
    turn = async (context) => {
      await context.sendActivity('quick');
    };
    const answer = await post(
      messageActivity('fast', { serviceUrl: connector.serviceUrl, conversationId: 'fast' }),
    );
    expect(answer.status).toBe(200);
    expect(connector.activities.filter((activity) => activity.conversationId === 'fast')).toHaveLength(1);
  });

  it('gives the channel the answer a turn gave early, not what the adapter writes at the end', async () => {
    turn = async (context) => {
      answerEarly(context, 200, {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'early',
      });
      await sleep(300);
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { value: 'late' } } });
    };
    const answer = await post(
      cardActionActivity('any.verb', {}, { serviceUrl: connector.serviceUrl, conversationId: 'early' }),
    );
    expect(answer.body).toMatchObject({ value: 'early' });
    expect(answer.ms).toBeLessThan(300);
  });

  it('waits on stop for a turn whose request was answered already', async () => {
    let finished = false;
    turn = async (context) => {
      await sleep(700);
      await context.sendActivity('after the answer');
      finished = true;
    };
    await post(messageActivity('slow', { serviceUrl: connector.serviceUrl, conversationId: 'stopping' }));
    expect(server.inFlight()).toBe(1);
    await server.close(5000);
    expect(finished).toBe(true);
  });
});

describe('listening', () => {
  it('rejects a port in use with EADDRINUSE instead of crashing the process', async () => {
    const taken = new URL(url).port;
    const second = createServer({
      adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
      runTurn: (context) => turn(context),
      readinessChecks: [],
      logger: silentLogger(),
    });
    await expect(second.listen(Number(taken), '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
