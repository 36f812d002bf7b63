package dev.adfrest.camel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADF's MongoDB orders example as a route: the rows go straight into a database table (camel-sql batch insert) and
 * into a CSV file (Jackson CSV), with no conversion in between.
 */
class MappedRowsToSinksTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    static Path out;

    private final JdbcDataSource database = new JdbcDataSource();

    /** The article's translator, with sink types for a database table. */
    private static final String TYPED_TRANSLATOR = """
            {"type":"TabularTranslator","collectionReference":"$['orders']",
             "typeConversion":true,"typeConversionSettings":{"dateTimeFormat":"yyyyMMdd"},
             "mappings":[
              {"source":{"path":"$['number']"},"sink":{"name":"orderNumber","type":"String"}},
              {"source":{"path":"$['date']"},"sink":{"name":"orderDate","type":"DateTime"}},
              {"source":{"path":"['prod']"},"sink":{"name":"order_pd","type":"String"}},
              {"source":{"path":"['price']"},"sink":{"name":"order_price","type":"Decimal"}},
              {"source":{"path":"$['city'][0]['name']"},"sink":{"name":"city","type":"String"}}]}""";

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) throws Exception {
        database.setURL("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists orders (order_number varchar(10), order_date timestamp,"
                      + " order_pd varchar(10), order_price decimal(10,2), city varchar(20))");
            s.execute("delete from orders");
        }
        registry.bind("orders", database);
    }

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        String page = new String(getClass().getResourceAsStream("/adf/mongodb-orders.json").readAllBytes(),
                StandardCharsets.UTF_8);
        api.stubFor(get(urlEqualTo("/orders")).willReturn(Pages.json(page)));
        CsvMapper csv = new CsvMapper();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "?relativeUrl=/orders&requestInterval=0&repeatCount=1&initialDelay=0"
                     + "&translator=RAW(" + TYPED_TRANSLATOR + ")")
                        .to("sql:insert into orders (order_number, order_date, order_pd, order_price, city)"
                            + " values (:#orderNumber, :#orderDate, :#order_pd, :#order_price, :#city)"
                            + "?batch=true&dataSource=#orders");

                from("adfrest:" + Pages.baseUrl(api) + "?relativeUrl=/orders&requestInterval=0&repeatCount=1&initialDelay=0"
                     + "&translator=classpath:adf/mongodb-orders-translator.json")
                        .process(e -> {
                            List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
                            CsvSchema header = CsvSchema.builder().addColumns(rows.get(0).keySet(),
                                    CsvSchema.ColumnType.STRING).build().withHeader();
                            e.getMessage().setBody(csv.writer(header).writeValueAsString(rows));
                        })
                        .to("file:" + out + "?fileName=orders-${header.CamelAdfRestPageNumber}.csv");
            }
        };
    }

    @Test
    void rowsGoStraightIntoATableAndACsvFile() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(2).create();
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();

        List<List<Object>> table = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from orders order by order_pd")) {
            while (rs.next()) {
                table.add(List.of(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5)));
            }
        }
        LocalDateTime date = LocalDateTime.of(2017, 1, 22, 0, 0);
        assertThat(table).containsExactly(
                List.of("01", date, "p1", new BigDecimal("23.00"), "Seattle"),
                List.of("01", date, "p2", new BigDecimal("13.00"), "Seattle"),
                List.of("01", date, "p3", new BigDecimal("231.00"), "Seattle"));

        assertThat(Files.readString(out.resolve("orders-1.csv"))).isEqualTo("""
                orderNumber,orderDate,order_pd,order_price,city
                01,20170122,p1,23,Seattle
                01,20170122,p2,13,Seattle
                01,20170122,p3,231,Seattle
                """);
    }
}
