package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;

/** Receives what a crawl produces, in order: the STARTED lifecycle record, pages, then COMPLETED or FAILED. */
public interface ScanListener {

    void page(WebsitePage page);

    void scan(WebsiteScan lifecycle);
}
