#!/bin/sh
# Builds target/huddle-migrate.jsa, the class-data sharing archive the huddle-migrate launcher uses, copies out the
# SQLite driver's native library for this platform, and puts the launcher beside the jar. Run by Maven's package phase in app/, after the runner jar is shaded:
#   build-archive.sh <java> <target folder>
# The archive holds the classes training runs load (up of a fixed corpus on a fresh SQLite file, a no-op up, then
# status of chosen modules: the JDK classes and lambda forms these paths need) and every class of the drivers and of Huddle, so a PostgreSQL run profits without a
# server at build time.
set -eu
java=$1
target=$(cd "$2" && pwd -P)
jar="$target/huddle-migrate.jar"
work="$target/cds"
rm -rf "$work"
mkdir -p "$work"

# The training run applies its own fixed corpus (training-modules/), never the modules' scripts: a script being written
# may be invalid, and packaging must not depend on it. It runs a copy of the jar whose module list is empty, so no
# module's scripts are even planned; class names are the same in both jars, so the class list fits the real one.
cp "$jar" "$work/training.jar"
mkdir -p "$work/services/META-INF/services"
: > "$work/services/META-INF/services/dev.huddle.migration.discover.HuddleModule"
(cd "$work/services" && "${java%/*}/jar" uf "$work/training.jar" META-INF/services/dev.huddle.migration.discover.HuddleModule)
corpus="$(cd "$(dirname "$0")" && pwd -P)/training-modules"
train() {
  list=$1
  shift
  # The driver copies its native library into java.io.tmpdir: the build's own folder, not /tmp.
  "$java" -XX:DumpLoadedClassList="$list" -Djava.io.tmpdir="$work" -jar "$work/training.jar" --url "jdbc:sqlite:$work/training.db" --modules-dir "$corpus" "$@" \
    >> "$work/training.log" 2>&1 || { cat "$work/training.log"; exit 1; }
}
train "$work/cold.classlist" up
train "$work/no-op.classlist" up
# status as it is usually run: several modules with down scripts, chosen with --modules. Code it alone reaches (the
# module filter, reading down scripts, the lambdas of both) is otherwise missing from the archive and loaded, or spun, at
# every status.
train "$work/status.classlist" --modules training,training-notes status
"${java%/*}/jar" tf "$jar" | grep -E '^(dev/huddle|org/postgresql|org/sqlite|org/slf4j)/.*\.class$' | sed 's/\.class$//' > "$work/jar.classlist"
sort -u "$work/cold.classlist" "$work/no-op.classlist" "$work/status.classlist" "$work/jar.classlist" > "$work/huddle-migrate.classlist"

# A class that cannot be archived (an optional driver feature whose library is absent) is skipped with a warning in
# the log; the dump itself must succeed.
"$java" -Xshare:dump -XX:SharedClassListFile="$work/huddle-migrate.classlist" -XX:SharedArchiveFile="$target/huddle-migrate.jsa" \
  -cp "$jar" > "$work/dump.log" 2>&1 || { cat "$work/dump.log"; exit 1; }

# sqlite-jdbc copies its native library out of the jar and compares the copy byte by byte at every start; the
# launcher points it at this copy instead, made once for this machine's platform (named by the driver itself).
platform=$("$java" -cp "$jar" org.sqlite.util.OSInfo)
rm -rf "$target/sqlite-native"
mkdir -p "$target/sqlite-native"
(cd "$work" && "${java%/*}/jar" xf "$jar" "org/sqlite/native/$platform/")
mv "$work/org/sqlite/native/$platform/"* "$target/sqlite-native/"

built_in=$(cd "$target" && pwd -P)
sed "s|@BUILT_IN@|'$built_in'|" "$(dirname "$0")/huddle-migrate" > "$target/huddle-migrate"
chmod +x "$target/huddle-migrate"
