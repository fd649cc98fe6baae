package cn.jiaoyun.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own texts (button, drop hint, refusals) in the UI's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component where) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(where.getTranslation("upload.add-one"))
                        .setMany(where.getTranslation("upload.add-many")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(where.getTranslation("upload.drop-one"))
                        .setMany(where.getTranslation("upload.drop-many")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(where.getTranslation("upload.too-many"))
                        .setFileIsTooBig(where.getTranslation("upload.too-big"))
                        .setIncorrectFileType(where.getTranslation("upload.wrong-type")));
    }
}
