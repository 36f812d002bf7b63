package dev.adfrest.camel.mapping;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.mapping.Mapped.row;
import static dev.adfrest.camel.mapping.Mapped.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADF's schema-mapping article, "Hierarchical source to tabular sink": the MongoDB orders document, flattened by
 * cross-applying orders and repeating the root's number, date and city on every row.
 * <p>
 * The article's table writes the products as P1, P2, P3 while its document holds p1, p2, p3; ADF copies values as
 * they are, so the rows hold p1, p2, p3.
 */
class MongoDbOrdersExampleTest {

    static final String DOCUMENT = """
            {
                "id": {
                    "$oid": "592e07800000000000000000"
                },
                "number": "01",
                "date": "20170122",
                "orders": [
                    {
                        "prod": "p1",
                        "price": 23
                    },
                    {
                        "prod": "p2",
                        "price": 13
                    },
                    {
                        "prod": "p3",
                        "price": 231
                    }
                ],
                "city": [ { "name": "Seattle" } ]
            }""";

    /** orderNumber | orderDate | order_pd | order_price | city */
    static final List<Map<String, Object>> TABLE = List.of(
            row("orderNumber", "01", "orderDate", "20170122", "order_pd", "p1", "order_price", 23, "city", "Seattle"),
            row("orderNumber", "01", "orderDate", "20170122", "order_pd", "p2", "order_price", 13, "city", "Seattle"),
            row("orderNumber", "01", "orderDate", "20170122", "order_pd", "p3", "order_price", 231, "city", "Seattle"));

    @Test
    void theArticlesMappingsGiveItsTable() {
        List<Map<String, Object>> rows = rows("""
                {
                    "type": "TabularTranslator",
                    "mappings": [
                        {
                            "source": { "path": "$['number']" },
                            "sink": { "name": "orderNumber" }
                        },
                        {
                            "source": { "path": "$['date']" },
                            "sink": { "name": "orderDate" }
                        },
                        {
                            "source": { "path": "['prod']" },
                            "sink": { "name": "order_pd" }
                        },
                        {
                            "source": { "path": "['price']" },
                            "sink": { "name": "order_price" }
                        },
                        {
                            "source": { "path": "$['city'][0]['name']" },
                            "sink": { "name": "city" }
                        }
                    ],
                    "collectionReference": "$['orders']"
                }""", DOCUMENT);

        assertThat(rows).isEqualTo(TABLE);
        assertThat(rows).allSatisfy(r -> assertThat(r.keySet())
                .containsExactly("orderNumber", "orderDate", "order_pd", "order_price", "city"));
        assertThat(rows.get(0).get("orderNumber")).isEqualTo("01"); // a string stays a string: the leading zero stays
    }

    @Test
    void theLegacySchemaMappingGivesTheSameTable() {
        List<Map<String, Object>> rows = rows("""
                {
                    "type": "TabularTranslator",
                    "schemaMapping": {
                        "$.number": "orderNumber",
                        "$.date": "orderDate",
                        "prod": "order_pd",
                        "price": "order_price",
                        "$.city[0].name": "city"
                    },
                    "collectionReference":  "$.orders"
                }""", DOCUMENT);

        assertThat(rows).isEqualTo(TABLE);
        assertThat(rows.get(2).keySet()).containsExactly("orderNumber", "orderDate", "order_pd", "order_price", "city");
    }

    @Test
    void sinkTypesTurnTheTableIntoTypedColumns() {
        List<Map<String, Object>> rows = rows("""
                {
                    "type": "TabularTranslator",
                    "mappings": [
                        { "source": { "path": "$['number']" }, "sink": { "name": "orderNumber", "type": "Int32" } },
                        { "source": { "path": "$['date']" }, "sink": { "name": "orderDate", "type": "DateTime" } },
                        { "source": { "path": "['price']" }, "sink": { "name": "order_price", "type": "Decimal" } }
                    ],
                    "collectionReference": "$['orders']",
                    "typeConversion": true,
                    "typeConversionSettings": { "dateTimeFormat": "yyyyMMdd" }
                }""", DOCUMENT);

        assertThat(rows.get(0)).isEqualTo(row("orderNumber", 1, "orderDate", java.time.LocalDateTime.of(2017, 1, 22, 0, 0),
                "order_price", new java.math.BigDecimal("23")));
        assertThat(rows).extracting(r -> r.get("order_price").toString()).containsExactly("23", "13", "231");
    }
}
