import { describe, expect, it } from 'vitest';
import { allowedHostsFor } from './allowed-hosts';

describe('the host names a server answers to', () => {
  it('are the loopback names when it listens on loopback', () => {
    expect(allowedHostsFor('127.0.0.1')).toEqual(['localhost', '127.0.0.1', '[::1]', '::1']);
  });

  it('add the address it listens on and the names it is given', () => {
    expect(allowedHostsFor('192.168.1.20', ['Salon.Example ', ''])).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '::1',
      '192.168.1.20',
      'salon.example',
    ]);
  });

  it('are any host on every interface, unless names are given', () => {
    expect(allowedHostsFor('0.0.0.0')).toBeNull();
    expect(allowedHostsFor('0.0.0.0', ['salon.example'])).toContain('salon.example');
  });
});
