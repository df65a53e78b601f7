-- The training run's down script: status reads every module's down scripts to say which migrations are reversible.
DROP TABLE training_notes;
