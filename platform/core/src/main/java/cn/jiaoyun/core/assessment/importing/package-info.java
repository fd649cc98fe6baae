/**
 * Reading a bureau's work lists (工作清单) from the documents it already has — a text export of
 * Word tables, a .docx with one table per unit, or an .xlsx with one sheet per unit — into a
 * preview model ({@link cn.jiaoyun.core.assessment.importing.ParsedWorkLists}) that a person
 * checks before anything is stored. Pure Java plus Apache POI: no database, no Micronaut beans,
 * no other feature package. Every problem names the file, the line or row and the field, in
 * Chinese and in English, so that the person who uploaded the file can fix it.
 */
package cn.jiaoyun.core.assessment.importing;
