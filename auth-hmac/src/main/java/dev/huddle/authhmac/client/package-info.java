/** What a Java client needs to call Huddle's signed API: {@link dev.huddle.authhmac.client.RequestSigner}. */
package dev.huddle.authhmac.client;
