package dev.adfrest.camel;

import java.io.File;
import java.nio.charset.Charset;

import dev.adfrest.camel.source.PageContent;
import org.apache.camel.WrappedFile;

/**
 * The body of a page over {@code spoolThreshold}: the page in a temporary file, deleted when the exchange completes.
 * <p>
 * It is a {@link WrappedFile}, as the file consumer's bodies are: components that take files read the page from its
 * file. Camel's file producer copies it with {@code Files.copy}, or moves it into place when the exchange's
 * {@code CamelFileLocalWorkPath} header names a second name of the file (the consumer sets one where the file system
 * can link), instead of streaming it through a buffer.
 */
public final class AdfRestSpooledPage extends AdfRestPage implements WrappedFile<File> {

    AdfRestSpooledPage(PageContent content, Charset charset) {
        super(content, charset);
    }

    /** The temporary file holding the page, exactly as received. Read it during the exchange: it is deleted after. */
    @Override
    public File getFile() {
        return content().file().toFile();
    }

    @Override
    public Object getBody() {
        return this;
    }

    @Override
    public long getFileLength() {
        return size();
    }

    /** A description, not the text: loggers and debuggers call toString, and the page may be gigabytes. */
    @Override
    public String toString() {
        return "AdfRestSpooledPage[" + size() + " bytes in " + content().file() + "]";
    }
}
