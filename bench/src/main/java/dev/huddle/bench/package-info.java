/** The benchmark: a deterministic corpus, the runners it compares, and the statistics it reports. */
package dev.huddle.bench;
