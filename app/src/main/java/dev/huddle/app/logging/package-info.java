/** How the app's log is written: text, or one JSON object per line for log pipelines. */
package dev.huddle.app.logging;
