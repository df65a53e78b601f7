/** The server's settings: its name and who may register. */
package dev.huddle.authhmac.settings;
