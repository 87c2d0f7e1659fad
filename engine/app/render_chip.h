/* render_chip.h - `render --out-dir DIR` writes an eMRTD's chip to DIR/chip/
 * (render_chip.c), so OpenSSL's command line can check it outside borderlab
 * (docs/chip.md):
 *
 *   com.bin dg1.bin dg2.bin dg3.bin  the files as the chip gives them (BER-TLV)
 *   sod.der    the CMS SignedData (ContentInfo, DER): EF.SOD without its tag 77
 *   ds.pem     the Document Signer certificate the SOD carries (PEM)
 *   csca.pem   the issuing state's genuine CSCA certificate (PEM)
 *   csca.crl   that CSCA's CRL as published on --today (PEM)
 *   chip.json  the chip defect, and what a desk's reader shows (chip_result_json,
 *              against the built-in master list, on --today)
 *
 * A dead chip gives only csca.pem, csca.crl and chip.json: nothing answers.
 * Each file is written atomically. */
#ifndef BL_RENDER_CHIP_H
#define BL_RENDER_CHIP_H

#include "chip.h"
#include "doc.h"

/* Writes DIR/chip/ for the document of spec (its template must have a chip),
 * with chip defect `defect`; `truth` is the rendered page's, whose printed
 * MRZ chip.json compares with DG1. */
int render_chip_dir(const doc_spec *spec, int defect, const doc_truth *truth, const char *dir,
                    bl_err *err);

#endif
