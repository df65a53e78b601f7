/** Client sessions: created once per device with a secret handed out once and kept encrypted. */
package dev.huddle.authhmac.session;
