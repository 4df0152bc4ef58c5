// Transport security and bearer tokens for the client's channels, read from
// the same settings as the kg CLI (docs/security.md).
//
// new Security() (the default) is plaintext without a token, for a server
// on loopback. With tlsCa the channel is TLS, the server's certificate
// checked against that CA (tlsServerName names the host to verify when it
// differs from the address, e.g. 'localhost' for 127.0.0.1); with tlsCert
// and tlsKey as well it is mutual TLS. `token` is sent as
// `authorization: Bearer TOKEN` on every call and appears in no message.
import { readFileSync } from 'node:fs';
import grpc from '@grpc/grpc-js';

function read(path, setting) {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${setting} ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
}

export class Security {
  constructor({ tlsCa = '', tlsCert = '', tlsKey = '', tlsServerName = '', token = '' } = {}) {
    if (Boolean(tlsCert) !== Boolean(tlsKey)) throw new Error('tlsCert and tlsKey go together (mutual TLS)');
    if (tlsCert && !tlsCa) throw new Error('mutual TLS needs tlsCa as well');
    if (tlsServerName && !tlsCa) throw new Error('tlsServerName needs tlsCa (it names the host TLS verifies)');
    Object.assign(this, { tlsCa, tlsCert, tlsKey, tlsServerName });
    // Not enumerable: the token stays out of inspection and JSON.
    Object.defineProperty(this, 'token', { value: token, enumerable: false });
    Object.freeze(this);
  }

  /**
   * From $KG_TLS_CA, $KG_TLS_CERT, $KG_TLS_KEY, $KG_TLS_SERVER_NAME and
   * $KG_TOKEN or the first line of the file $KG_TOKEN_FILE, as the kg CLI
   * reads them.
   */
  static fromEnv(env = process.env) {
    let token = env.KG_TOKEN || '';
    if (!token && env.KG_TOKEN_FILE) {
      token = read(env.KG_TOKEN_FILE, 'KG_TOKEN_FILE').toString('utf8').split('\n')[0].trim();
      if (!token) throw new Error(`KG_TOKEN_FILE ${env.KG_TOKEN_FILE}: the first line is empty`);
    }
    return new Security({
      tlsCa: env.KG_TLS_CA || '',
      tlsCert: env.KG_TLS_CERT || '',
      tlsKey: env.KG_TLS_KEY || '',
      tlsServerName: env.KG_TLS_SERVER_NAME || '',
      token,
    });
  }

  /** The channel credentials: TLS (mutual with a client certificate) or plaintext. */
  channelCredentials() {
    if (!this.tlsCa) return grpc.credentials.createInsecure();
    return grpc.credentials.createSsl(
      read(this.tlsCa, 'tlsCa'),
      this.tlsKey ? read(this.tlsKey, 'tlsKey') : null,
      this.tlsCert ? read(this.tlsCert, 'tlsCert') : null,
    );
  }

  /** `options` plus what this security needs: the name override and the token interceptor. */
  channelOptions(options) {
    const out = { ...options };
    if (this.tlsServerName) out['grpc.ssl_target_name_override'] = this.tlsServerName;
    if (this.token) {
      const header = `Bearer ${this.token}`;
      out.interceptors = [(callOptions, nextCall) => new grpc.InterceptingCall(nextCall(callOptions), {
        start(metadata, listener, next) {
          metadata.set('authorization', header);
          next(metadata, listener);
        },
      })];
    }
    return out;
  }
}
