/** Session secrets at rest: AES-GCM under the server key, which is configured or generated beside a SQLite file. */
package dev.huddle.authhmac.crypto;
