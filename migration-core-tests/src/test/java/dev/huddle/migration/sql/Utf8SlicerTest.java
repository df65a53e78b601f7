package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8SlicerTest {
    private static final String TEXT = "insert into t values ('Zoë');\ninsert into t values ('Ōtsuka 🙂');\ninsert into t values ('x');\n";

    private static String sliced(Utf8Slicer slicer, String text, String part) {
        int from = text.indexOf(part);
        byte[] bytes = slicer.slice(from, from + part.length());
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void cutsSpansAfterMultiByteCharactersAndSurrogatePairs() {
        Utf8Slicer slicer = new Utf8Slicer(TEXT, TEXT.getBytes(StandardCharsets.UTF_8), 0);

        assertThat(sliced(slicer, TEXT, "insert into t values ('Zoë')")).isEqualTo("insert into t values ('Zoë')");
        assertThat(sliced(slicer, TEXT, "insert into t values ('Ōtsuka 🙂')")).isEqualTo("insert into t values ('Ōtsuka 🙂')");
        assertThat(sliced(slicer, TEXT, "insert into t values ('x')")).isEqualTo("insert into t values ('x')");
    }

    @Test
    void aSpanBeforeTheLastStartsTheWalkOver() {
        Utf8Slicer slicer = new Utf8Slicer(TEXT, TEXT.getBytes(StandardCharsets.UTF_8), 0);

        assertThat(sliced(slicer, TEXT, "('x')")).isEqualTo("('x')");
        assertThat(sliced(slicer, TEXT, "('Zoë')")).isEqualTo("('Zoë')");
    }

    @Test
    void skipsALeadingByteOrderMarkInTheBytes() {
        String file = "\uFEFF" + TEXT;
        Utf8Slicer slicer = new Utf8Slicer(TEXT, file.getBytes(StandardCharsets.UTF_8), 3);

        assertThat(sliced(slicer, TEXT, "insert into t values ('Ōtsuka 🙂')")).isEqualTo("insert into t values ('Ōtsuka 🙂')");
    }

    @Test
    void asciiTextIsCutAtTheSameOffsets() {
        String text = "insert into t values (1);\ninsert into t values (2);\n";
        Utf8Slicer slicer = new Utf8Slicer(text, text.getBytes(StandardCharsets.UTF_8), 0);

        assertThat(sliced(slicer, text, "insert into t values (2)")).isEqualTo("insert into t values (2)");
    }

    @Test
    void bytesOfAnotherTextGiveNoSpan() {
        String other = "INSERT INTO t VALUES ('Zoë');\ninsert into t values ('Otsuka 🙂');\ninsert into t values ('x');\n";
        Utf8Slicer slicer = new Utf8Slicer(TEXT, other.getBytes(StandardCharsets.UTF_8), 0);

        assertThat(sliced(slicer, TEXT, "insert into t values ('Zoë')")).as("the first byte differs").isNull();
        assertThat(new Utf8Slicer(TEXT, "short".getBytes(StandardCharsets.UTF_8), 0).slice(10, 20)).as("the bytes end first").isNull();
    }

    @Test
    void aScriptScannedWithItsBytesCutsTheRunsOfItsStatements() {
        byte[] file = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        ScannedScript script = SqlScanner.scan(Dialect.SQLITE, TEXT, file, 3);
        ScriptStatement second = script.statements().get(1);
        ScriptStatement third = script.statements().get(2);

        byte[] run = script.utf8Slicer().slice(second.start(), third.end());

        assertThat(new String(run, StandardCharsets.UTF_8)).isEqualTo(TEXT.substring(second.start(), third.end()));
        assertThat(SqlScanner.scan(Dialect.SQLITE, TEXT).utf8Slicer()).as("scanned without bytes").isNull();
    }

    @Test
    void aTerminatedSliceReusesTheArrayWhenItIsLongEnoughAndEndsWithANul() {
        Utf8Slicer slicer = new Utf8Slicer(TEXT, TEXT.getBytes(StandardCharsets.UTF_8), 0);
        int ōtsuka = TEXT.indexOf("insert into t values ('Ōtsuka");
        int zoë = TEXT.indexOf("insert into t values ('Zoë')");
        String longer = TEXT.substring(ōtsuka, TEXT.indexOf(';', ōtsuka) + 1);
        String shorter = TEXT.substring(zoë, TEXT.indexOf(';', zoë) + 1);

        byte[] first = slicer.sliceTerminated(ōtsuka, ōtsuka + longer.length(), null);
        byte[] again = slicer.sliceTerminated(zoë, zoë + shorter.length(), first);

        assertThat(again).as("the first array is long enough").isSameAs(first);
        assertThat(new String(again, 0, indexOfNul(again), StandardCharsets.UTF_8)).isEqualTo(shorter);
    }

    @Test
    void aTerminatedSliceLongerThanTheArrayGetsANewOne() {
        Utf8Slicer slicer = new Utf8Slicer(TEXT, TEXT.getBytes(StandardCharsets.UTF_8), 0);
        byte[] small = new byte[4];

        byte[] whole = slicer.sliceTerminated(0, TEXT.length(), small);

        assertThat(whole).isNotSameAs(small);
        assertThat(new String(whole, 0, indexOfNul(whole), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(new Utf8Slicer(TEXT, "short".getBytes(StandardCharsets.UTF_8), 0).sliceTerminated(10, 20, small))
                .as("bytes that are not the text's give nothing").isNull();
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
