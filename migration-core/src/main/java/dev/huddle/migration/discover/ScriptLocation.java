package dev.huddle.migration.discover;

import java.util.List;

/** A folder of scripts for one module and one dialect, on the classpath or on disk. */
public interface ScriptLocation {

    /** Every regular file directly in the folder, sorted by name; empty when the folder does not exist. */
    List<ScriptFile> list();

    /** Where the folder is, for messages. */
    String describe();
}
