/** Admin-only API: server settings, invitations and guests, refused to sessions that are not admins. */
package dev.huddle.authhmac.admin;
