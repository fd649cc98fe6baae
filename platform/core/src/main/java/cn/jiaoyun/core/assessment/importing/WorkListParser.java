package cn.jiaoyun.core.assessment.importing;

/** Reads one kind of document into the preview model. */
public interface WorkListParser {

    /**
     * @param fileName as uploaded, used only to name the file in problems
     * @throws WorkListFormatException with every problem found, each naming file, place and field
     */
    ParsedWorkLists parse(String fileName, byte[] content) throws WorkListFormatException;
}
