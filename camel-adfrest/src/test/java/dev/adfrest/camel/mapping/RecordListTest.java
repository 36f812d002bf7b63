package dev.adfrest.camel.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records body reads the page's array in place instead of copying it: to the route it must behave exactly as the
 * ArrayList it used to be, and no change the route makes may reach the page's tree.
 */
@ExtendWith(SeededCases.class)
class RecordListTest {

    private static ArrayNode array(int size) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < size; i++) {
            array.addObject().put("id", i);
        }
        return array;
    }

    @Test
    void collectionReferenceGivesTheElementsOfThePageArray() {
        JsonNode page = Json.MAPPER.createObjectNode().set("value", array(3));

        List<JsonNode> records = CollectionReference.compile("collectionReference", "$['value']").records(page);

        assertThat(records).hasSize(3).containsExactlyElementsOf(page.get("value"));
        assertThat(records.get(1)).isSameAs(page.get("value").get(1));
        assertThat(records).isEqualTo(new ArrayList<>(records)).hasSameHashCodeAs(new ArrayList<>(records));
        assertThat(records).hasToString(new ArrayList<>(records).toString());
    }

    @Test
    void outOfRangeIndexesFailAsOnAnArrayList() {
        List<JsonNode> records = new RecordList(array(2));

        assertThatThrownBy(() -> records.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> records.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new RecordList(array(0)).get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void javaSerializationWritesAnArrayList() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new RecordList(array(3)));
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        assertThat(read).isInstanceOf(ArrayList.class).isEqualTo(new ArrayList<>(new RecordList(array(3))));
    }

    /** Random changes made to the list and to an ArrayList copy leave both alike, and the page's array unchanged. */
    @ParameterizedTest
    @MethodSource("changes")
    void behavesAsAnArrayListAndNeverChangesThePage(long seed) {
        Random random = new Random(seed);
        ArrayNode page = array(random.nextInt(6));
        ArrayNode before = page.deepCopy();
        List<JsonNode> records = new RecordList(page);
        List<JsonNode> expected = new ArrayList<>(page.size());
        page.forEach(expected::add);

        for (int step = 0; step < 12; step++) {
            JsonNode node = IntNode.valueOf(random.nextInt(100));
            int index = expected.isEmpty() ? 0 : random.nextInt(expected.size());
            switch (random.nextInt(9)) {
                case 0 -> assertThat(records.add(node)).isEqualTo(expected.add(node));
                case 1 -> {
                    records.add(index, node);
                    expected.add(index, node);
                }
                case 2 -> {
                    if (!expected.isEmpty()) {
                        assertThat(records.remove(index)).isEqualTo(expected.remove(index));
                    }
                }
                case 3 -> {
                    if (!expected.isEmpty()) {
                        assertThat(records.set(index, node)).isEqualTo(expected.set(index, node));
                    }
                }
                case 4 -> {
                    Comparator<JsonNode> byText = Comparator.comparing(JsonNode::toString);
                    records.sort(byText);
                    expected.sort(byText);
                }
                case 5 -> {
                    String drop = expected.isEmpty() ? "" : expected.get(index).toString();
                    assertThat(records.removeIf(n -> n.toString().equals(drop)))
                            .isEqualTo(expected.removeIf(n -> n.toString().equals(drop)));
                }
                case 6 -> {
                    Iterator<JsonNode> it = records.iterator();
                    Iterator<JsonNode> itExpected = expected.iterator();
                    if (it.hasNext()) {
                        assertThat(it.next()).isEqualTo(itExpected.next());
                        it.remove();
                        itExpected.remove();
                    }
                }
                case 7 -> {
                    ListIterator<JsonNode> it = records.listIterator(records.size());
                    it.add(node);
                    expected.add(node);
                }
                default -> {
                    if (random.nextInt(4) == 0) {
                        records.clear();
                        expected.clear();
                    }
                }
            }
            assertThat(records).isEqualTo(expected).hasSize(expected.size());
            assertThat(records.indexOf(node)).isEqualTo(expected.indexOf(node));
            assertThat(records.subList(0, expected.size() / 2)).isEqualTo(expected.subList(0, expected.size() / 2));
        }
        assertThat(page).isEqualTo(before);
    }

    static Stream<Arguments> changes() {
        return SeededCases.cases(List.of(), 300, random -> Arguments.of(random.nextLong()));
    }
}
