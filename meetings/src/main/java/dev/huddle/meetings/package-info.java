/** The meetings module: Meetings, their participants, recordings and analytics. */
package dev.huddle.meetings;
