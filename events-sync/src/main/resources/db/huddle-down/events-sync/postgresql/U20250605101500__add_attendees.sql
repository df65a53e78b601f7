DROP TABLE attendees;
DROP TYPE attendee_registration_status;
