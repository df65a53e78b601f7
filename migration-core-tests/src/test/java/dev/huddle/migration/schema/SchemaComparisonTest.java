package dev.huddle.migration.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaComparisonTest {
    private static final SchemaModel EXPECTED = SchemaModel.of(
            List.of(new Table("rooms", List.of(new Column("id", "bigint", null, false), new Column("name", "text", "''", false)))),
            List.of(new EnumType("room_kind", List.of("public", "private"))),
            List.of(new SchemaObject(ObjectKind.INDEX, "idx_rooms_name", "rooms", "CREATE INDEX idx_rooms_name ON rooms (name)")));
    private static final Map<String, String> OWNERS = Map.of("table rooms", "rooms", "column rooms.id", "rooms",
            "column rooms.name", "rooms", "enum room_kind", "rooms", "index rooms.idx_rooms_name", "rooms");

    @Test
    void equalModelsHaveNoDifferences() {
        assertThat(SchemaComparison.compare(EXPECTED, EXPECTED, OWNERS, true)).isEmpty();
    }

    @Test
    void namesTypeDefaultAndNullabilitySeparatelyAndExtrasUnderTheTablesOwner() {
        SchemaModel actual = SchemaModel.of(
                List.of(new Table("rooms", List.of(new Column("id", "integer", null, false), new Column("name", "text", null, true),
                        new Column("topic", "text", null, true))), new Table("stray", List.of(new Column("id", "int", null, true)))),
                List.of(new EnumType("room_kind", List.of("public"))),
                List.of());

        List<String> differences = SchemaComparison.compare(EXPECTED, actual, OWNERS, true).stream()
                .map(difference -> difference.module() + ": " + difference).toList();

        assertThat(differences).containsExactly(
                "rooms: column rooms.id type: expected bigint, found integer",
                "rooms: column rooms.name default: expected '', found none",
                "rooms: column rooms.name nullability: expected not null, found null",
                "rooms: extra column rooms.topic (topic text)",
                "(no module): extra table stray (id)",
                "rooms: missing enum value room_kind.private",
                "rooms: missing index rooms.idx_rooms_name (CREATE INDEX idx_rooms_name ON rooms (name))");
    }

    @Test
    void aMissingTableIsOneDifferenceAndUnownedExtrasWaitWhenOnlySomeModulesAreCompared() {
        SchemaModel actual = SchemaModel.of(List.of(new Table("stray", List.of())), List.of(new EnumType("room_kind", List.of("public", "private"))), List.of());

        assertThat(SchemaComparison.compare(EXPECTED, actual, OWNERS, false)).extracting(Object::toString)
                .containsExactly("missing table rooms (id, name)");
        assertThat(EXPECTED.withoutTables(Set.of("rooms")).objects()).isEmpty();
    }
}
