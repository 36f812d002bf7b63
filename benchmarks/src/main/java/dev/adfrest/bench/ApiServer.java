package dev.adfrest.bench;

/** The API the clients copy from, running in its own process(es). */
interface ApiServer extends AutoCloseable {

    /** http://127.0.0.1:port of the API. */
    String baseUrl();

    /** http://127.0.0.1:port of the listener that tells how many connections the API accepted (not counted). */
    String adminUrl();

    /** CPU time used so far by the server's processes (all threads); -1 when unknown. */
    long cpuNanos();

    /** One line for the table: what it is, where it runs. */
    String describe();

    @Override
    void close();
}
