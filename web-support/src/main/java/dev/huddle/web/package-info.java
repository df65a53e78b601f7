/**
 * What every Huddle HTTP API shares: JSON request bodies, checks of single request values, and answers of
 * {@code {"reason", "message"}} for refusals and for unexpected failures, so a client reads every module alike.
 */
package dev.huddle.web;
