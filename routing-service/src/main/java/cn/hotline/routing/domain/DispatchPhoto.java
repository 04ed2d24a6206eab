package cn.hotline.routing.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo a handler took on site for a dispatch (JPEG or PNG, checked by content); listings select around the bytes. */
@Entity
@Table(name = "dispatch_photo")
public class DispatchPhoto {

    @Id
    public UUID id;
    public UUID dispatchId;
    public String ticketId;
    public String personId;
    public String unitCode;
    public String contentType;
    public int width;
    public int height;
    public int sizeBytes;
    public byte[] bytes;
    public Instant createdAt;
}
